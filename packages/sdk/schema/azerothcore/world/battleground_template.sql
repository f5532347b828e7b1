-- AzerothCore world table `battleground_template`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `battleground_template` (
  `ID` INT UNSIGNED NOT NULL DEFAULT 0,
  `MinPlayersPerTeam` SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  `MaxPlayersPerTeam` SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  `MinLvl` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `MaxLvl` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `AllianceStartLoc` INT UNSIGNED DEFAULT NULL,
  `AllianceStartO` FLOAT NOT NULL,
  `HordeStartLoc` INT UNSIGNED DEFAULT NULL,
  `HordeStartO` FLOAT NOT NULL,
  `StartMaxDist` FLOAT NOT NULL DEFAULT 0,
  `Weight` TINYINT UNSIGNED NOT NULL DEFAULT 1,
  `ScriptName` CHAR(64) NOT NULL DEFAULT '',
  `Comment` CHAR(38) NOT NULL,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
