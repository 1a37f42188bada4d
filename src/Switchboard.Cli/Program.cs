Console.Error.WriteLine("sbctl: no commands yet");
return 2;
