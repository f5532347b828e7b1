-- AzerothCore characters table `lfg_data`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `lfg_data` (
  `guid` INT UNSIGNED NOT NULL DEFAULT 0,
  `dungeon` INT UNSIGNED NOT NULL DEFAULT 0,
  `state` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`guid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
