-- AzerothCore characters table `guild_bank_right`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `guild_bank_right` (
  `guildid` INT UNSIGNED NOT NULL DEFAULT 0,
  `TabId` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `rid` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `gbright` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `SlotPerDay` INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`guildid`, `TabId`, `rid`),
  KEY `guildid_key` (`guildid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
