// An undeclared assignment makes a global for this run only.
hostileLeak = 'leaked';
botContext.sendMessage(typeof hostileLeak);
