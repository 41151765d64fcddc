// Runs once, on mongo1's first start (the image runs /docker-entrypoint-initdb.d as the root user,
// in MONGO_INITDB_DATABASE, before the replica set exists): the app's own user, allowed to read
// and write the "reconnect" database and nothing else.
db.getSiblingDB('reconnect').createUser({
  user: 'reconnect',
  pwd: process.env.MONGO_APP_PASSWORD,
  roles: [{ role: 'readWrite', db: 'reconnect' }],
});
