-- AzerothCore characters table `arena_team_member`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `arena_team_member` (
  `arenaTeamId` INT UNSIGNED NOT NULL DEFAULT 0,
  `guid` INT UNSIGNED NOT NULL DEFAULT 0,
  `weekGames` SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  `weekWins` SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  `seasonGames` SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  `seasonWins` SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  `personalRating` SMALLINT NOT NULL DEFAULT 0,
  PRIMARY KEY (`arenaTeamId`, `guid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
