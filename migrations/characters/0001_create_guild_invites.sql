-- Pending guild invitations, held by the guild service instead of a worldserver's memory:
-- one open invite per invited character.
CREATE TABLE IF NOT EXISTS `guild_invites` (
  `charGuid` INT UNSIGNED NOT NULL DEFAULT 0,
  `guildId` INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`charGuid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
