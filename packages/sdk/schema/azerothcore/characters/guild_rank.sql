-- AzerothCore characters table `guild_rank`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `guild_rank` (
  `guildid` INT UNSIGNED NOT NULL DEFAULT 0,
  `rid` TINYINT UNSIGNED NOT NULL,
  `rname` VARCHAR(20) NOT NULL DEFAULT '',
  `rights` INT UNSIGNED DEFAULT 0,
  `BankMoneyPerDay` INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`guildid`, `rid`),
  KEY `Idx_rid` (`rid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
