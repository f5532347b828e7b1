-- AzerothCore characters table `instance`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `instance` (
  `id` INT UNSIGNED NOT NULL DEFAULT 0,
  `map` SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  `resettime` INT UNSIGNED NOT NULL DEFAULT 0,
  `difficulty` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `completedEncounters` INT UNSIGNED NOT NULL DEFAULT 0,
  `data` TINYTEXT NOT NULL,
  PRIMARY KEY (`id`),
  KEY `map` (`map`),
  KEY `resettime` (`resettime`),
  KEY `difficulty` (`difficulty`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
