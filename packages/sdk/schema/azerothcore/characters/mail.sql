-- AzerothCore characters table `mail`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `mail` (
  `id` INT UNSIGNED NOT NULL DEFAULT 0,
  `messageType` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `stationery` TINYINT NOT NULL DEFAULT 41,
  `mailTemplateId` SMALLINT UNSIGNED NOT NULL DEFAULT 0,
  `sender` INT UNSIGNED NOT NULL DEFAULT 0,
  `receiver` INT UNSIGNED NOT NULL DEFAULT 0,
  `subject` LONGTEXT DEFAULT NULL,
  `body` LONGTEXT DEFAULT NULL,
  `has_items` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  `expire_time` INT UNSIGNED NOT NULL DEFAULT 0,
  `deliver_time` INT UNSIGNED NOT NULL DEFAULT 0,
  `money` INT UNSIGNED NOT NULL DEFAULT 0,
  `cod` INT UNSIGNED NOT NULL DEFAULT 0,
  `checked` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`id`),
  KEY `idx_receiver` (`receiver`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
