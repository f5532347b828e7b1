-- AzerothCore characters table `guild_bank_tab`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `guild_bank_tab` (
  `guildid` INT UNSIGNED NOT NULL DEFAULT 0,
  `TabId` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `TabName` VARCHAR(16) NOT NULL DEFAULT '',
  `TabIcon` VARCHAR(100) NOT NULL DEFAULT '',
  `TabText` VARCHAR(500) DEFAULT NULL,
  PRIMARY KEY (`guildid`, `TabId`),
  KEY `guildid_key` (`guildid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
