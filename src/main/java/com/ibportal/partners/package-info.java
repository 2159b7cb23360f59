/**
 * Partners (introducing brokers), their referral codes, and the hierarchy of master IBs and
 * sub-IBs, kept as an effective-dated closure table so subtree and upline are one query.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Partners")
package com.ibportal.partners;
