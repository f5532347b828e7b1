-- AzerothCore auth table `realmlist`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `realmlist` (
  `id` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  `name` VARCHAR(32) NOT NULL DEFAULT '',
  `address` VARCHAR(255) NOT NULL DEFAULT '127.0.0.1',
  `localAddress` VARCHAR(255) NOT NULL DEFAULT '127.0.0.1',
  `localSubnetMask` VARCHAR(255) NOT NULL DEFAULT '255.255.255.0',
  `port` SMALLINT UNSIGNED NOT NULL DEFAULT 8085,
  `icon` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `flag` TINYINT UNSIGNED NOT NULL DEFAULT 2,
  `timezone` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `allowedSecurityLevel` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `population` FLOAT NOT NULL DEFAULT 0,
  `gamebuild` INT UNSIGNED NOT NULL DEFAULT 12340,
  PRIMARY KEY (`id`),
  UNIQUE KEY `idx_name` (`name`),
  CHECK (`population` >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
