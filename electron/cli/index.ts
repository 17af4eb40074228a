console.log('release-desk');
