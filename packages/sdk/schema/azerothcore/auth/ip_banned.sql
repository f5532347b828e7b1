-- AzerothCore auth table `ip_banned`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `ip_banned` (
  `ip` VARCHAR(15) NOT NULL DEFAULT '127.0.0.1',
  `bandate` INT UNSIGNED NOT NULL,
  `unbandate` INT UNSIGNED NOT NULL,
  `bannedby` VARCHAR(50) NOT NULL DEFAULT '[Console]',
  `banreason` VARCHAR(255) NOT NULL DEFAULT 'no reason',
  PRIMARY KEY (`ip`, `bandate`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
