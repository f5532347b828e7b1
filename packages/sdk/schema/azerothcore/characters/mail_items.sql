-- AzerothCore characters table `mail_items`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `mail_items` (
  `mail_id` INT UNSIGNED NOT NULL DEFAULT 0,
  `item_guid` INT UNSIGNED NOT NULL DEFAULT 0,
  `receiver` INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`item_guid`),
  KEY `idx_receiver` (`receiver`),
  KEY `idx_mail_id` (`mail_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
