#!/bin/sh
# Backs up one store into /backups/<store>/ now and then every BACKUP_INTERVAL_HOURS (default 24),
# keeping BACKUP_KEEP_DAYS (default 14) days of them. Run by docker-compose.yml's backup-mongo and
# backup-postgres services; the restore steps are in docs/deploy.md ("Backups and restore").
#   backup.sh mongo      mongodump of the replica set (every database, with the oplog: one consistent moment)
#   backup.sh postgres   pg_dump of Quartz's database (custom format, for pg_restore)
# A dump is written under a temporary name and renamed when complete, so a file without ".part"
# is always whole. BACKUP_ONCE=1 makes one and stops (used by CI and for a backup by hand).
set -eu

store="${1:?usage: backup.sh mongo|postgres}"
dir="${BACKUP_DIR:-/backups}/$store"
interval_hours="${BACKUP_INTERVAL_HOURS:-24}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
mkdir -p "$dir"

dump() {
  stamp="$(date -u +%Y%m%dT%H%M%SZ)"
  case "$store" in
    mongo)
      final="$dir/reconnect-$stamp.archive.gz"
      mongodump --quiet --uri "mongodb://$MONGO_USER:$MONGO_PASSWORD@mongo1:27017,mongo2:27017,mongo3:27017/?replicaSet=rs0&authSource=admin&readPreference=secondaryPreferred" \
        --oplog --gzip --archive="$final.part"
      ;;
    postgres)
      final="$dir/quartz-$stamp.dump"
      PGPASSWORD="$POSTGRES_PASSWORD" pg_dump --host=postgres --username="$POSTGRES_USER" \
        --format=custom --file="$final.part" "$POSTGRES_DB"
      ;;
    *)
      echo "backup.sh: unknown store '$store' (mongo or postgres)" >&2
      exit 2
      ;;
  esac
  mv "$final.part" "$final"
  # Older than the kept days, and any part left by a dump that was cut short.
  find "$dir" -type f -mtime +"$keep_days" -delete
  find "$dir" -type f -name '*.part' ! -newer "$final" -delete
  echo "backup.sh: $store backed up to $(basename "$final")"
}

while true; do
  if ! dump; then
    echo "backup.sh: the $store backup failed; trying again in 10 minutes" >&2
    [ "${BACKUP_ONCE:-0}" = 1 ] && exit 1
    sleep 600
    continue
  fi
  [ "${BACKUP_ONCE:-0}" = 1 ] && exit 0
  sleep $((interval_hours * 3600))
done
