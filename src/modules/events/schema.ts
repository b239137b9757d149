// Tables of the exchange-meeting (event) module.
export {};
