-- The guid module's high-water marks: for each realm and GUID kind, the highest GUID ever handed
-- out (or found in the realm's own tables when the mark was first seeded). The module raises a
-- mark in a transaction before it hands out the GUIDs below it, so a GUID is never given twice,
-- not across restarts and not by two guid processes sharing this database.
-- guid_type: 0 = characters.guid, 1 = item_instance.guid, 2 = instance.id (ToCloud9's GuidType).
CREATE TABLE IF NOT EXISTS `tc9_guid_high_water` (
  `realm_id` INT UNSIGNED NOT NULL,
  `guid_type` TINYINT UNSIGNED NOT NULL,
  `high` BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (`realm_id`, `guid_type`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
