-- AzerothCore characters table `channels_bans`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `channels_bans` (
  `channelId` INT UNSIGNED NOT NULL,
  `playerGUID` INT UNSIGNED NOT NULL,
  `banTime` INT UNSIGNED NOT NULL,
  PRIMARY KEY (`channelId`, `playerGUID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
