-- AzerothCore characters table `guild`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `guild` (
  `guildid` INT UNSIGNED NOT NULL DEFAULT 0,
  `name` VARCHAR(24) NOT NULL DEFAULT '',
  `leaderguid` INT UNSIGNED NOT NULL DEFAULT 0,
  `EmblemStyle` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `EmblemColor` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `BorderStyle` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `BorderColor` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `BackgroundColor` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `info` VARCHAR(500) NOT NULL DEFAULT '',
  `motd` VARCHAR(128) NOT NULL DEFAULT '',
  `createdate` INT UNSIGNED NOT NULL DEFAULT 0,
  `BankMoney` BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`guildid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
