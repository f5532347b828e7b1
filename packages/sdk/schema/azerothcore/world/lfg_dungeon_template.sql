-- AzerothCore world table `lfg_dungeon_template`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `lfg_dungeon_template` (
  `dungeonId` INT UNSIGNED NOT NULL DEFAULT 0,
  `name` VARCHAR(255) DEFAULT NULL,
  `position_x` FLOAT NOT NULL DEFAULT 0,
  `position_y` FLOAT NOT NULL DEFAULT 0,
  `position_z` FLOAT NOT NULL DEFAULT 0,
  `orientation` FLOAT NOT NULL DEFAULT 0,
  `VerifiedBuild` INT DEFAULT NULL,
  PRIMARY KEY (`dungeonId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
