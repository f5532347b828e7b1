-- AzerothCore characters table `petition`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `petition` (
  `ownerguid` INT UNSIGNED NOT NULL,
  `petitionguid` INT UNSIGNED DEFAULT 0,
  `petition_id` INT UNSIGNED NOT NULL DEFAULT 0,
  `name` VARCHAR(24) NOT NULL,
  `type` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`ownerguid`, `type`),
  KEY `idx_petition_id` (`petition_id`),
  UNIQUE KEY `index_ownerguid_petitionguid` (`ownerguid`, `petitionguid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
