-- AzerothCore auth table `realmcharacters`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `realmcharacters` (
  `realmid` INT UNSIGNED NOT NULL DEFAULT 0,
  `acctid` INT UNSIGNED NOT NULL,
  `numchars` TINYINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`realmid`, `acctid`),
  KEY `acctid` (`acctid`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
