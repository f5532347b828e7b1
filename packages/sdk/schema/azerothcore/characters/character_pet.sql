-- AzerothCore characters table `character_pet`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `character_pet` (
  `id` INT UNSIGNED NOT NULL DEFAULT 0,
  `entry` INT UNSIGNED NOT NULL DEFAULT 0,
  `owner` INT UNSIGNED NOT NULL DEFAULT 0,
  `modelid` INT UNSIGNED DEFAULT 0,
  `CreatedBySpell` INT UNSIGNED DEFAULT 0,
  `PetType` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `level` SMALLINT UNSIGNED NOT NULL DEFAULT 1,
  `exp` INT UNSIGNED NOT NULL DEFAULT 0,
  `Reactstate` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `name` VARCHAR(21) NOT NULL DEFAULT 'Pet',
  `renamed` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `slot` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `curhealth` INT UNSIGNED NOT NULL DEFAULT 1,
  `curmana` INT UNSIGNED NOT NULL DEFAULT 0,
  `curhappiness` INT UNSIGNED NOT NULL DEFAULT 0,
  `savetime` INT UNSIGNED NOT NULL DEFAULT 0,
  `abdata` TEXT DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `owner` (`owner`),
  KEY `idx_slot` (`slot`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
