-- AzerothCore characters table `character_arena_stats`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `character_arena_stats` (
  `guid` INT UNSIGNED NOT NULL DEFAULT 0,
  `slot` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `matchMakerRating` SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  `maxMMR` SMALLINT NOT NULL,
  PRIMARY KEY (`guid`, `slot`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
