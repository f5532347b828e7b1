-- AzerothCore characters table `groups`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `groups` (
  `guid` INT UNSIGNED NOT NULL,
  `leaderGuid` INT UNSIGNED NOT NULL,
  `lootMethod` TINYINT UNSIGNED NOT NULL,
  `looterGuid` INT UNSIGNED NOT NULL,
  `lootThreshold` TINYINT UNSIGNED NOT NULL,
  `icon1` BIGINT UNSIGNED NOT NULL,
  `icon2` BIGINT UNSIGNED NOT NULL,
  `icon3` BIGINT UNSIGNED NOT NULL,
  `icon4` BIGINT UNSIGNED NOT NULL,
  `icon5` BIGINT UNSIGNED NOT NULL,
  `icon6` BIGINT UNSIGNED NOT NULL,
  `icon7` BIGINT UNSIGNED NOT NULL,
  `icon8` BIGINT UNSIGNED NOT NULL,
  `groupType` TINYINT UNSIGNED NOT NULL,
  `difficulty` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `raidDifficulty` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `masterLooterGuid` INT UNSIGNED NOT NULL,
  PRIMARY KEY (`guid`),
  KEY `leaderGuid` (`leaderGuid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
