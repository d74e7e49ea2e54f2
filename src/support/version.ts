// The cgts version, as `cgts --version` prints it and objects' `.comment` name it.
export const VERSION = '0.1.0';
