#!/bin/sh
# Run by the compose file's "secrets" service before anything else starts: every required secret
# must be set (in .env, see .env.example), or nothing starts and this names what is missing.
# docker-compose config -q passes without them, so the file can be checked anywhere.
missing=""
for name in RECONNECT_DOMAIN ACME_EMAIL CADDY_LB_SECRET MONGO_ROOT_PASSWORD MONGO_APP_PASSWORD \
    MONGO_REPLICA_SET_KEY POSTGRES_PASSWORD; do
  eval "value=\${$name:-}"
  [ -n "$value" ] || missing="$missing $name"
done
if [ -n "$missing" ]; then
  echo "Set these in .env before starting (see .env.example):$missing" >&2
  exit 1
fi
echo "Every required secret is set."
