-- AzerothCore characters table `character_instance`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `character_instance` (
  `guid` INT UNSIGNED NOT NULL DEFAULT 0,
  `instance` INT UNSIGNED NOT NULL DEFAULT 0,
  `permanent` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `extended` TINYINT UNSIGNED NOT NULL,
  PRIMARY KEY (`guid`, `instance`),
  KEY `instance` (`instance`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
