-- AzerothCore auth table `build_info`, declared by tc9 with the same columns, types, defaults and keys.
CREATE TABLE IF NOT EXISTS `build_info` (
  `build` INT NOT NULL,
  `majorVersion` INT DEFAULT NULL,
  `minorVersion` INT DEFAULT NULL,
  `bugfixVersion` INT DEFAULT NULL,
  `hotfixVersion` CHAR(3) DEFAULT NULL,
  `winAuthSeed` VARCHAR(32) DEFAULT NULL,
  `win64AuthSeed` VARCHAR(32) DEFAULT NULL,
  `mac64AuthSeed` VARCHAR(32) DEFAULT NULL,
  `winChecksumSeed` VARCHAR(40) DEFAULT NULL,
  `macChecksumSeed` VARCHAR(40) DEFAULT NULL,
  PRIMARY KEY (`build`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The one client build tc9 serves (3.3.5a, 12340) with its integrity-check seeds; rows for other
-- builds are left to the operator.
INSERT IGNORE INTO `build_info` (`build`, `majorVersion`, `minorVersion`, `bugfixVersion`, `hotfixVersion`, `winChecksumSeed`, `macChecksumSeed`)
VALUES (12340, 3, 3, 5, 'a', 'CDCBBD5188315E6B4D19449D492DBCFAF156A347', 'B706D13FF2F4018839729461E3F8A0E2B5FDC034');
