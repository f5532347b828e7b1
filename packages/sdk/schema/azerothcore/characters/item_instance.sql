-- AzerothCore characters table `item_instance`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `item_instance` (
  `guid` INT UNSIGNED NOT NULL DEFAULT 0,
  `itemEntry` INT UNSIGNED DEFAULT 0,
  `owner_guid` INT UNSIGNED NOT NULL DEFAULT 0,
  `creatorGuid` INT UNSIGNED NOT NULL DEFAULT 0,
  `giftCreatorGuid` INT UNSIGNED NOT NULL DEFAULT 0,
  `count` INT UNSIGNED NOT NULL DEFAULT 1,
  `duration` INT NOT NULL DEFAULT 0,
  `charges` TINYTEXT DEFAULT NULL,
  `flags` INT UNSIGNED DEFAULT 0,
  `enchantments` TEXT NOT NULL,
  `randomPropertyId` SMALLINT NOT NULL DEFAULT 0,
  `durability` SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  `playedTime` INT UNSIGNED NOT NULL DEFAULT 0,
  `text` TEXT DEFAULT NULL,
  PRIMARY KEY (`guid`),
  KEY `idx_owner_guid` (`owner_guid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
