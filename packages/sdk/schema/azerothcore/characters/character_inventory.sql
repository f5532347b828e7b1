-- AzerothCore characters table `character_inventory`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `character_inventory` (
  `guid` INT UNSIGNED NOT NULL DEFAULT 0,
  `bag` INT UNSIGNED NOT NULL DEFAULT 0,
  `slot` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `item` INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`item`),
  KEY `idx_guid` (`guid`),
  UNIQUE KEY `guid` (`guid`, `bag`, `slot`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
