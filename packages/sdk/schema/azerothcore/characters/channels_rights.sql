-- AzerothCore characters table `channels_rights`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `channels_rights` (
  `name` VARCHAR(128) NOT NULL,
  `flags` INT UNSIGNED NOT NULL,
  `speakdelay` INT UNSIGNED NOT NULL,
  `joinmessage` VARCHAR(255) NOT NULL DEFAULT '',
  `delaymessage` VARCHAR(255) NOT NULL DEFAULT '',
  `moderators` TEXT DEFAULT NULL,
  PRIMARY KEY (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
