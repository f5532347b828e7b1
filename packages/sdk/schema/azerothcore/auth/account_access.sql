-- AzerothCore auth table `account_access`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `account_access` (
  `id` INT UNSIGNED NOT NULL,
  `gmlevel` TINYINT UNSIGNED NOT NULL,
  `RealmID` INT NOT NULL DEFAULT -1,
  `comment` VARCHAR(255) DEFAULT '',
  PRIMARY KEY (`id`, `RealmID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
