-- AzerothCore characters table `guild_eventlog`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `guild_eventlog` (
  `guildid` INT UNSIGNED NOT NULL,
  `LogGuid` INT UNSIGNED NOT NULL,
  `EventType` TINYINT UNSIGNED NOT NULL,
  `PlayerGuid1` INT UNSIGNED NOT NULL,
  `PlayerGuid2` INT UNSIGNED NOT NULL,
  `NewRank` TINYINT UNSIGNED NOT NULL,
  `TimeStamp` INT UNSIGNED NOT NULL,
  PRIMARY KEY (`guildid`, `LogGuid`),
  KEY `Idx_LogGuid` (`LogGuid`),
  KEY `Idx_PlayerGuid1` (`PlayerGuid1`),
  KEY `Idx_PlayerGuid2` (`PlayerGuid2`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
