-- Pending party invitations, held by the group service: one open invite per invited character,
-- with where the inviter was (map and game server) so the accepted group lands next to them.
CREATE TABLE IF NOT EXISTS `group_invites` (
  `invited` INT UNSIGNED NOT NULL DEFAULT 0,
  `inviter` INT UNSIGNED NOT NULL DEFAULT 0,
  `groupId` INT UNSIGNED NOT NULL DEFAULT 0,
  `invitedName` VARCHAR(12),
  `inviterName` VARCHAR(12),
  PRIMARY KEY (`invited`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Added separately so that a database where ToCloud9 already created `group_invites` (without
-- these columns) ends up with the same table.
ALTER TABLE `group_invites`
  ADD COLUMN IF NOT EXISTS `inviterMapId` INT UNSIGNED NOT NULL DEFAULT 0 AFTER `inviterName`,
  ADD COLUMN IF NOT EXISTS `inviterGameServerId` VARCHAR(255) NOT NULL DEFAULT '' AFTER `inviterMapId`;
