-- The group service creates groups itself, so group ids come from the database.
ALTER TABLE `groups`
  MODIFY COLUMN `guid` INT UNSIGNED NOT NULL AUTO_INCREMENT;
