var data = JSON.parse('{"user": null}');
botContext.printDebugMessage(JSON.stringify(data));
return data.user.name;
