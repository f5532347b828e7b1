-- AzerothCore characters table `guild_bank_item`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `guild_bank_item` (
  `guildid` INT UNSIGNED NOT NULL DEFAULT 0,
  `TabId` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `SlotId` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `item_guid` INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`guildid`, `TabId`, `SlotId`),
  KEY `Idx_item_guid` (`item_guid`),
  KEY `guildid_key` (`guildid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
