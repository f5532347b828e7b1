-- AzerothCore characters table `auctionhouse`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `auctionhouse` (
  `id` INT UNSIGNED NOT NULL DEFAULT 0,
  `houseid` TINYINT UNSIGNED NOT NULL DEFAULT 7,
  `itemguid` INT UNSIGNED NOT NULL DEFAULT 0,
  `itemowner` INT UNSIGNED NOT NULL DEFAULT 0,
  `buyoutprice` INT UNSIGNED NOT NULL DEFAULT 0,
  `time` INT UNSIGNED NOT NULL DEFAULT 0,
  `buyguid` INT UNSIGNED NOT NULL DEFAULT 0,
  `lastbid` INT UNSIGNED NOT NULL DEFAULT 0,
  `startbid` INT UNSIGNED NOT NULL DEFAULT 0,
  `deposit` INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  UNIQUE KEY `item_guid` (`itemguid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
