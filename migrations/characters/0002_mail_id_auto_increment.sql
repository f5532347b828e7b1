-- The mail service inserts mail itself, so mail ids come from the database rather than from a
-- worldserver's in-memory counter. Re-running MODIFY with the same definition changes nothing.
ALTER TABLE `mail`
  MODIFY COLUMN `id` INT UNSIGNED NOT NULL AUTO_INCREMENT;
