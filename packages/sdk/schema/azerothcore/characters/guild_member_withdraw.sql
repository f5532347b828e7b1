-- AzerothCore characters table `guild_member_withdraw`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `guild_member_withdraw` (
  `guid` INT UNSIGNED NOT NULL,
  `tab0` INT UNSIGNED NOT NULL DEFAULT 0,
  `tab1` INT UNSIGNED NOT NULL DEFAULT 0,
  `tab2` INT UNSIGNED NOT NULL DEFAULT 0,
  `tab3` INT UNSIGNED NOT NULL DEFAULT 0,
  `tab4` INT UNSIGNED NOT NULL DEFAULT 0,
  `tab5` INT UNSIGNED NOT NULL DEFAULT 0,
  `money` INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`guid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
