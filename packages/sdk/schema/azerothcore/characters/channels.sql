-- AzerothCore characters table `channels`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `channels` (
  `channelId` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(128) NOT NULL,
  `team` INT UNSIGNED NOT NULL,
  `announce` TINYINT UNSIGNED NOT NULL DEFAULT 1,
  `ownership` TINYINT UNSIGNED NOT NULL DEFAULT 1,
  `password` VARCHAR(32) DEFAULT NULL,
  `lastUsed` INT UNSIGNED NOT NULL,
  PRIMARY KEY (`channelId`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
