-- AzerothCore characters table `petition_sign`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `petition_sign` (
  `ownerguid` INT UNSIGNED NOT NULL,
  `petitionguid` INT UNSIGNED NOT NULL DEFAULT 0,
  `petition_id` INT UNSIGNED NOT NULL DEFAULT 0,
  `playerguid` INT UNSIGNED NOT NULL DEFAULT 0,
  `player_account` INT UNSIGNED NOT NULL DEFAULT 0,
  `type` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`petitionguid`, `playerguid`),
  KEY `idx_petition_id_player` (`petition_id`, `playerguid`),
  KEY `Idx_playerguid` (`playerguid`),
  KEY `Idx_ownerguid` (`ownerguid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
