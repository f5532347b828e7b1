-- AzerothCore auth table `logs_ip_actions`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `logs_ip_actions` (
  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `account_id` INT UNSIGNED NOT NULL,
  `character_guid` INT UNSIGNED NOT NULL,
  `type` TINYINT UNSIGNED NOT NULL,
  `ip` VARCHAR(15) NOT NULL DEFAULT '127.0.0.1',
  `systemnote` TEXT DEFAULT NULL,
  `unixtime` INT UNSIGNED NOT NULL,
  `time` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  `comment` TEXT DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
