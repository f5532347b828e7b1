-- AzerothCore characters table `guild_member`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `guild_member` (
  `guildid` INT UNSIGNED NOT NULL,
  `guid` INT UNSIGNED NOT NULL,
  `rank` TINYINT UNSIGNED NOT NULL,
  `pnote` VARCHAR(31) NOT NULL DEFAULT '',
  `offnote` VARCHAR(31) NOT NULL DEFAULT '',
  KEY `guildid_key` (`guildid`),
  KEY `guildid_rank_key` (`guildid`, `rank`),
  UNIQUE KEY `guid_key` (`guid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
