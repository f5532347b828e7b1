-- AzerothCore characters table `character_social`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `character_social` (
  `guid` INT UNSIGNED NOT NULL DEFAULT 0,
  `friend` INT UNSIGNED NOT NULL DEFAULT 0,
  `flags` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `note` VARCHAR(48) NOT NULL DEFAULT '',
  PRIMARY KEY (`guid`, `friend`, `flags`),
  KEY `friend` (`friend`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
