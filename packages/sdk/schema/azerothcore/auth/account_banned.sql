-- AzerothCore auth table `account_banned`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `account_banned` (
  `id` INT UNSIGNED NOT NULL DEFAULT 0,
  `bandate` INT UNSIGNED NOT NULL DEFAULT 0,
  `unbandate` INT UNSIGNED NOT NULL DEFAULT 0,
  `bannedby` VARCHAR(50) NOT NULL,
  `banreason` VARCHAR(255) NOT NULL,
  `active` TINYINT UNSIGNED NOT NULL DEFAULT 1,
  PRIMARY KEY (`id`, `bandate`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
