-- AzerothCore characters table `guild_bank_eventlog`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `guild_bank_eventlog` (
  `guildid` INT UNSIGNED NOT NULL DEFAULT 0,
  `LogGuid` INT UNSIGNED NOT NULL DEFAULT 0,
  `TabId` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `EventType` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `PlayerGuid` INT UNSIGNED NOT NULL DEFAULT 0,
  `ItemOrMoney` INT UNSIGNED NOT NULL DEFAULT 0,
  `ItemStackCount` SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  `DestTabId` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `TimeStamp` INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`guildid`, `LogGuid`, `TabId`),
  KEY `Idx_PlayerGuid` (`PlayerGuid`),
  KEY `Idx_LogGuid` (`LogGuid`),
  KEY `guildid_key` (`guildid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
