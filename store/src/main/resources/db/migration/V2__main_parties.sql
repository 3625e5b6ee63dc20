-- The main Great Britain parties with their Electoral Commission register ids (checked against
-- Democracy Club's data, which uses the same ids). PP7931 registered as The Brexit Party and was
-- renamed Reform UK in January 2021; the name is the current one.
INSERT INTO parties (party_key, ec_id, name, abbreviation) VALUES
    ('PP53', 'PP53', 'Labour Party', 'Lab'),
    ('PP52', 'PP52', 'Conservative and Unionist Party', 'Con'),
    ('PP90', 'PP90', 'Liberal Democrats', 'LD'),
    ('PP63', 'PP63', 'Green Party', 'Green'),
    ('PP102', 'PP102', 'Scottish National Party (SNP)', 'SNP'),
    ('PP77', 'PP77', 'Plaid Cymru - The Party of Wales', 'PC'),
    ('PP85', 'PP85', 'UK Independence Party (UKIP)', 'UKIP'),
    ('PP7931', 'PP7931', 'Reform UK', 'Reform');
