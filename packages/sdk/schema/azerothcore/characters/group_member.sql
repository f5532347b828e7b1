-- AzerothCore characters table `group_member`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `group_member` (
  `guid` INT UNSIGNED NOT NULL,
  `memberGuid` INT UNSIGNED NOT NULL,
  `memberFlags` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `subgroup` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `roles` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`memberGuid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
